(ok (tuple (caller {WALLET_2}) (sender {WALLET_2})))
