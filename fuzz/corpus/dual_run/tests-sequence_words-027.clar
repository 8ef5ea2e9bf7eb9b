(index-of? u"a\u{e9}\u{1F600}z" u"\u{1F600}")
