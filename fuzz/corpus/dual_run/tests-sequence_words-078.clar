(append (list u"a") u"\u{1F600}\u{1F600}")
