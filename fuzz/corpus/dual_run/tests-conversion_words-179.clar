(some {DEPLOYER}.{long_name})
