(log2 -1)
