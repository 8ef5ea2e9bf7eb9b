(some (tuple (a 2)))
