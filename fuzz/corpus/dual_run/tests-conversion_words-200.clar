(some (some 1))
