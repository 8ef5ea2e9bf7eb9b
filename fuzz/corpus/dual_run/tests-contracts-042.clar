(err u2)
