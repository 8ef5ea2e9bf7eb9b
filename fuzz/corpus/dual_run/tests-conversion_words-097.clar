(buff-to-int-le 0xff)
