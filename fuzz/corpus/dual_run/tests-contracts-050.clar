(ok u79)
