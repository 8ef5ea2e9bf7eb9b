(as-max-len? 0x01 u1048576)
