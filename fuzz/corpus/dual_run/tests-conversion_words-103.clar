(buff-to-uint-be 0x0102)
