(some (5 2 3))
