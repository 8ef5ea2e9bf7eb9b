(slice? 0x00112233 u5 u6)
