(some 8)
