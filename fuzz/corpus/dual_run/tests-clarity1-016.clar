(tuple (a 1) (b u"\u{f09f9880}"))
