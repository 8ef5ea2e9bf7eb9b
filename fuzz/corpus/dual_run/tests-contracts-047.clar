(err u3)
