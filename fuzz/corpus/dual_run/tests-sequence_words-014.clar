(element-at? u"" u0)
