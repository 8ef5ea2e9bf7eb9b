(some u"a\u{f09f9880}\u{f09f9880}")
