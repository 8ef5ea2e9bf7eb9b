(some u"\u{f09f9880}\u{f09f9880}")
