(some (1 9 3))
