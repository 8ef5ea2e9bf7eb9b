(replace-at? u"a\u{e9}\u{1F600}" u2 u"b")
