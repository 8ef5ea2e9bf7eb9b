(string-to-uint? "77")
