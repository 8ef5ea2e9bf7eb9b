(tuple (l (none (some 1))) (v u"\u{c3a9}"))
