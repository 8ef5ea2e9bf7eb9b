(buff-to-int-le 0xffffffffffffffffffffffffffffff)
