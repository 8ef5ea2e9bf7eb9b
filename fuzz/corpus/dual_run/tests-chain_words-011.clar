(err u7)
