(some {DEPLOYER}.__transient)
