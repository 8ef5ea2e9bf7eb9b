(buff-to-int-be 0xffffffffffffffffffffffffffffff)
