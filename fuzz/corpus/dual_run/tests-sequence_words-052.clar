(some u"a\u{c3a9}\u{f09f9880}z")
