(buff-to-int-be 0x7fffffffffffffffffffffffffffffff)
