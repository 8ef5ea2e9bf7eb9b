(len u"a\u{1F600}b")
