(tuple (a 1) (b (1)) (c (some u1)))
