(some u"!")
