(buff-to-int-be 0xffffffffffffffffffffffffffffffff)
