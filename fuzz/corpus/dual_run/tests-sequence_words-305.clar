(as-max-len? 0x u0)
