(replace-at? u"ab" u1 u"")
