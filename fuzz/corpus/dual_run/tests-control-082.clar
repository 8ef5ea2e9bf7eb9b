(err u99)
