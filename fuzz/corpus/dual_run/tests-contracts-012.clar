(tuple (l (1)) (o none) (r (ok u1)) (s "a"))
