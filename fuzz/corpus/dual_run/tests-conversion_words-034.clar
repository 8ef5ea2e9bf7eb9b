(string-to-int? u"4\u{e9}")
