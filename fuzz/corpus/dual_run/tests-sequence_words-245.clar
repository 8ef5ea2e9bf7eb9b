(slice? 0x00112233 u0 u0)
