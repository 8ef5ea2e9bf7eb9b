(some u2)
