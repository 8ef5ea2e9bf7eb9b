(some (tuple (l (u"\u{{c3a9}}" u"a")) (p {DEPLOYER})))
