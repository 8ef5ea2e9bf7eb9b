(string-to-uint? "-5")
