(some (1 1))
