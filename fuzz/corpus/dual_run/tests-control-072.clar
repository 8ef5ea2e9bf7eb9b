(err u6)
