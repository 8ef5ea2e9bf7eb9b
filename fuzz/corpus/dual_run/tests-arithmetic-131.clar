(log2 0)
