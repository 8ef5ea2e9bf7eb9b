(print {v: u"\u{e9}", l: (list none (some 1))})
