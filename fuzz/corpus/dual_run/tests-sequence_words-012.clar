(some u"z")
