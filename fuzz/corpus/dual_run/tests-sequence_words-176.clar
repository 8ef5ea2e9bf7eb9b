(concat u"\u{1F600}" u"")
