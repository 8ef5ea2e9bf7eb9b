(to-consensus-buff? '{DEPLOYER}.c)
