(concat u"" u"")
