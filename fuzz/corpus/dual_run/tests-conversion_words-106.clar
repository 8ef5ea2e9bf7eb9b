(buff-to-uint-le 0xffffffffffffffffffffffffffffffff)
