(tuple (caller {DEPLOYER}.shop) (sender {WALLET_1}))
