(to-consensus-buff? u"")
