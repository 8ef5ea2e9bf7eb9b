(ok u2)
