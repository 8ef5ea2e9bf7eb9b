(string-to-uint? "u5")
