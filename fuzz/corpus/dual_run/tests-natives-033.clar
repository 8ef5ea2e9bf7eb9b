(some (tuple (a (true))))
