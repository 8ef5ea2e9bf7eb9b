(some u5)
