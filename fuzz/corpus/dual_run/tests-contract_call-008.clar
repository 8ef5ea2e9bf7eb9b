(err u5)
