(string-to-uint? u"\u{0967}")
