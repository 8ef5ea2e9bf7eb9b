(tuple (a 1) (b u3) (c true))
