(tuple (a u2) (z u1))
