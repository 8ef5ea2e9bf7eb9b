(as-max-len? 0x01 u4294967295)
