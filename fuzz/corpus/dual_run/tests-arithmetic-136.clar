(xor -1 0)
