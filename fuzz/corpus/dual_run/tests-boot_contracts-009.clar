(contract-call? .pox-3 disallow-contract-caller '{w1})
