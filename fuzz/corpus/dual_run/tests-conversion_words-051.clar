(string-to-uint? u"")
