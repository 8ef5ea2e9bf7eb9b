(index-of? u"" u"a")
