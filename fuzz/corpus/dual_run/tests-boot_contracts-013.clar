(contract-call? .pox-3 current-pox-reward-cycle)
