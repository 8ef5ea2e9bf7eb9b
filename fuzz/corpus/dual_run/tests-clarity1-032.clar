(tuple (height u3) (sender {DEPLOYER}))
