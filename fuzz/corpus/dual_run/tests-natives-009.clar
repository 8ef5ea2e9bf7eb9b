(some u77)
