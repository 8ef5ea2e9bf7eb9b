(slice? u"a\u{e9}\u{1F600}z" u4 u4)
