(ok u4)
