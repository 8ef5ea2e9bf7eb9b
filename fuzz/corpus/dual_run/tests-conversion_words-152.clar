(to-consensus-buff? '{DEPLOYER}.a-b_c1)
