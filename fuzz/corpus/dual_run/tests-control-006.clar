(tuple (k u1) (s "x"))
