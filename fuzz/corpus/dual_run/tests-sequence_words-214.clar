(some 2)
