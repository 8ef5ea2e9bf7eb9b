(buff-to-uint-be 0xffffffffffffffffffffffffffffffff)
