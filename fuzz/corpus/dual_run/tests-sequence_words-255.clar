(some (2 3))
