(some u"")
