(log2 9)
