(contract-call? '{id} mask (list u1 u4 u16 u256))
