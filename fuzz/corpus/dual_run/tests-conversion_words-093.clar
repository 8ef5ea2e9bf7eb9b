(buff-to-uint-le 0x)
