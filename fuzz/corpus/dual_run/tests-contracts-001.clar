(some -1)
