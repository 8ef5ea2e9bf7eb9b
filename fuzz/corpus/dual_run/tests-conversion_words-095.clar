(buff-to-int-le 0x01)
