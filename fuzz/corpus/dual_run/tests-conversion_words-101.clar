(buff-to-int-be 0x0102)
