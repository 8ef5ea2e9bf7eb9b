(element-at? 0x u0)
