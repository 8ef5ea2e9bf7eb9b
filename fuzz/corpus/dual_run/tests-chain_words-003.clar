(ok u1)
