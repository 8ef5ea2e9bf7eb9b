(some (1 2))
