(some {DEPLOYER})
