(ok u7)
