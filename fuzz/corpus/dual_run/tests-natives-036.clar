(tuple (after {DEPLOYER}) (inside {DEPLOYER}.token) (sender {DEPLOYER}))
