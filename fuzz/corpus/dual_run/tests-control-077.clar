(some 1002)
