(err u"\u{c3a9}")
