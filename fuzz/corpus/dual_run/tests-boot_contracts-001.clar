(contract-call? .pox-3 allow-contract-caller '{w1} none)
