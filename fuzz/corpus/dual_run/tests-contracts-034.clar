(ok u6)
