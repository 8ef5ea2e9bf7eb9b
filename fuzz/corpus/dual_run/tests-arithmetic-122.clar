(log2 1)
