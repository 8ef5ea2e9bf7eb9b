(some (tuple (amount u2) (memo u"caf\u{c3a9}")))
