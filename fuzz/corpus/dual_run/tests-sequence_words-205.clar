(element-at? (list '{WALLET_1} .c1) u1)
