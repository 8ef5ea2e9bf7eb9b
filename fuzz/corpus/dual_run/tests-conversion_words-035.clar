(string-to-int? u"\u{2212}5")
