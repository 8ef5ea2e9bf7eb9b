(slice? (list u"\u{1F600}\u{1F600}" u"a") u1 u2)
