(contract-call? .pox-3 get-delegation-info '{deployer})
