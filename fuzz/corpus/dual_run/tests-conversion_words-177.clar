(some {DEPLOYER}.c)
