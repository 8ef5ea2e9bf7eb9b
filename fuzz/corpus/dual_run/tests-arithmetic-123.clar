(log2 8)
