(log2 u1)
