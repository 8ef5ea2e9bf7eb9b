(some {DEPLOYER}.{long})
