(contract-call? .pox-3 stack-stx u100000000000000 {addr} burn-block-height u1)
