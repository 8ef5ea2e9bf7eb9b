(some (tuple (a 3) (b u4)))
