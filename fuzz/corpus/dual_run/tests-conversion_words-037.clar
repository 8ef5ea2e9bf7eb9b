(string-to-uint? "")
