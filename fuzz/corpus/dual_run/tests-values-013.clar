(tuple (a -1) (b u2) (c "s") (d (some 0x01)))
