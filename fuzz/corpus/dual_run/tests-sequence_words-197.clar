(some (err u2))
