(slice? u"a\u{e9}\u{1F600}z" u2 u2)
