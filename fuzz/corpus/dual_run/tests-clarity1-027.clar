(ok u5)
