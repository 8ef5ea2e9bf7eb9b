(string-to-int? u"\u{0661}\u{0662}")
