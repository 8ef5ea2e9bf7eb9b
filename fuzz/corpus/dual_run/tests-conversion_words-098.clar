(buff-to-int-be 0xff)
