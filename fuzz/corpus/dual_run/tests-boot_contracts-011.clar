(contract-call? .pox-3 get-pox-info)
