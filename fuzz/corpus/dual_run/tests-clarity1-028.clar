(err u1)
