(some u"\u{c3a9}")
