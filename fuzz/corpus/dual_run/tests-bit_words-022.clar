(contract-call? '{id} go (- u0 u1))
