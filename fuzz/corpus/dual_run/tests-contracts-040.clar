(some u9)
