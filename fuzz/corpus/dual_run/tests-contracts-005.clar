(tuple (a 0) (b 0x) (c none))
