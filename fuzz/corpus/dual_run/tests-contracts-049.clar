(ok u0)
