(tuple (r (ok u1)) (what u"\u{{f09f9880}}") (who {WALLET_1}))
