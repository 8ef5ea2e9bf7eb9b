(tuple (x 1) (y u3))
