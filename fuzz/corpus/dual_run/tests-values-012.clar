(some (ok {WALLET_1}))
