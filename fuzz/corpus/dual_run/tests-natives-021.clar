(bit-and 12 10)
