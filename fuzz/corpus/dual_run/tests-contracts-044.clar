(some (tuple (amount 3) (memo none) (owner {WALLET_1})))
