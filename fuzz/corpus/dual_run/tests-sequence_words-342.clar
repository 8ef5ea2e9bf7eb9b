(some u4)
