(tuple (a 1) (b 0x0102) (c (some {WALLET_1})))
