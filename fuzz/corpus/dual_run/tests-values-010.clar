(some (ok -5))
