(contract-call? .pox-3 get-stacker-info '{deployer})
