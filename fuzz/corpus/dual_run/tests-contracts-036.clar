(some {WALLET_1})
