(bit-and 6)
