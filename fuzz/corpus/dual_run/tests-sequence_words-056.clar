(slice? u"" u0 u0)
