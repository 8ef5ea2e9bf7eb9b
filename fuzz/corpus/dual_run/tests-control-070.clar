(err u4)
