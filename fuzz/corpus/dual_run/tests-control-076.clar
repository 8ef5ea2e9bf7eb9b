(err u10)
