(string-to-int? u"")
