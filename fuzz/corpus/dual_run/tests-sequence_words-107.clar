(some u"a\u{c3a9}b")
