(to-consensus-buff? 0x)
