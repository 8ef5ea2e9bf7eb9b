(some (1 2 3))
