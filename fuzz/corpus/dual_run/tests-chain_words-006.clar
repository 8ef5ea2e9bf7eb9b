(contract-call? .viewer counter-at (contract-call? .viewer id-of u2))
