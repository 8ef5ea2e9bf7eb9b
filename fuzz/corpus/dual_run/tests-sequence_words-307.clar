(some (1))
