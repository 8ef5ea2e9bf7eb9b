(some u1)
