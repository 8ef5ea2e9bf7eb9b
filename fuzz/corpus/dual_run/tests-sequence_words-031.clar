(index-of? u"a\u{e9}" u"")
