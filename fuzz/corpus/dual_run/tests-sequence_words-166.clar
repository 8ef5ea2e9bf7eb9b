(concat u"\u{e9}" u"a")
