(slice? 0x01 u0 u1)
