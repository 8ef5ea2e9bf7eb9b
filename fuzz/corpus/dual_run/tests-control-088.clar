(ok u9)
