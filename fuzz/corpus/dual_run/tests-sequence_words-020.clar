(element-at? (list u"\u{1F600}" u"ab") u0)
