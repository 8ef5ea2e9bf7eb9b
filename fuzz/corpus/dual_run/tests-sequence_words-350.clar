(element-at 0x00112233 u4)
