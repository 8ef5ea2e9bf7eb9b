(log2 u0)
