(some (tuple (a 1)))
