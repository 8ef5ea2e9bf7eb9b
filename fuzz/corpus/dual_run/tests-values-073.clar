(err u"\u{e9}")
