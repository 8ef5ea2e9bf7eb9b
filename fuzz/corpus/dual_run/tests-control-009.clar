(some 1)
