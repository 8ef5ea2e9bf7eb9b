(tuple (a 1))
