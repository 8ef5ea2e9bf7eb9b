(slice? 0x00112233 u2 u2)
