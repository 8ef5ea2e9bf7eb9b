(concat u"a\u{e9}" u"\u{1F600}")
