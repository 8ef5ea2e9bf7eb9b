(some (tuple (a 1) (b true)))
