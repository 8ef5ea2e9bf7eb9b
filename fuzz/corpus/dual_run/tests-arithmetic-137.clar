(xor -1 1)
