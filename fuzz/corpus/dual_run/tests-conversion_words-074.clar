(some u"\u{f09f9880}")
