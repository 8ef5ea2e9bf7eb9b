(buff-to-int-le 0xffffffffffffffffffffffffffffffff)
