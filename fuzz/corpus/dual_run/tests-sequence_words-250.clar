(slice? 0x00112233 u4 u4)
