(err u0)
