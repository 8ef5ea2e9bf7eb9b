(some (some u1))
