(tuple (a 1) (b (u1 u2)) (c (tuple (d none))))
