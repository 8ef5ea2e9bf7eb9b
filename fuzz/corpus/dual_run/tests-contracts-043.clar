(some (tuple (amount -5) (memo (some 0x01)) (owner {DEPLOYER})))
