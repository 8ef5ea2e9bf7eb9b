(some {DEPLOYER}.c1)
