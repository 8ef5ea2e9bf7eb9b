(buff-to-int-le 0x0102)
