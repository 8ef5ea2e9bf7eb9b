(some u"a\u{f09f9880}")
