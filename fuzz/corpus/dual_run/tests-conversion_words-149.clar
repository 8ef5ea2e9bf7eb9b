(to-consensus-buff? '{DEPLOYER})
