(err u100)
