(tuple (caller {DEPLOYER}) (sender {DEPLOYER}))
