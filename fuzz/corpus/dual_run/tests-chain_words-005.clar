(contract-call? .viewer height-at (contract-call? .viewer id-of u0))
