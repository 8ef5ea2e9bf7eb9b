(some u0)
