(contract-call? .pox-3 delegate-stx u5000 '{w2} none none)
