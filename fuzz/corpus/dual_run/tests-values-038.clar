(list '{WALLET_1} .c1)
