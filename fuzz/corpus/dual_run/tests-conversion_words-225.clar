(some 0)
