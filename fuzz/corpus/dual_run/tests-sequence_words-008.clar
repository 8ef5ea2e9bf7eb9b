(some u"a")
