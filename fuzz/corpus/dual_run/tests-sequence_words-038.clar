(index-of? (list u"\u{1F600}" u"ab") u"ab")
