(to-consensus-buff? 0x0102)
