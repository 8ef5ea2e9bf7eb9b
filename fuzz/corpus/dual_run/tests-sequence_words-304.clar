(as-max-len? 0x0102 u1)
