(buff-to-uint-le 0xff)
