((tuple (a 1) (b u1)) (tuple (a 2) (b u2)))
