(some ((err u2) (err u1)))
