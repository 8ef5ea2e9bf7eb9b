(string-to-uint? "0")
