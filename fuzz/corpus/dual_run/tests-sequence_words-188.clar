(some 3)
