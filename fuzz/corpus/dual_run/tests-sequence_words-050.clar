(some u"\u{c3a9}\u{f09f9880}")
