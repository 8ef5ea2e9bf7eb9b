(some (u"a"))
