(contract-call? '{id} go u2)
