(replace-at? u"a\u{e9}" u2 u"b")
