(buff-to-int-le 0xffffffffffffffffffffffffffffff7f)
