(some (err u1))
