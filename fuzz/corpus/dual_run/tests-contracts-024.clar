(tuple (caller {WALLET_1}) (sender {WALLET_1}))
