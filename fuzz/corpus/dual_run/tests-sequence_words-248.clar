(slice? 0x00112233 u3 u3)
