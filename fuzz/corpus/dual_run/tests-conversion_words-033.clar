(string-to-int? u"\u{FF15}")
