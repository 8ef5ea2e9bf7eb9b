(contract-call? .viewer after-early (contract-call? .viewer id-of u1))
