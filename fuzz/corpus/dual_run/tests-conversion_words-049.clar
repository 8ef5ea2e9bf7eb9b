(string-to-uint? u"77")
