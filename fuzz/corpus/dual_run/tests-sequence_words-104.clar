(replace-at? u"a\u{e9}\u{1F600}" u1 u"\u{1F600}")
