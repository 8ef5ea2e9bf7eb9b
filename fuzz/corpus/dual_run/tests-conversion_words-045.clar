(string-to-uint? "0005")
