(slice? 0x00112233 u1 u3)
