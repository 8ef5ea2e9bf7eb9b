(bit-or u6)
