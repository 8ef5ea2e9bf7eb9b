(contract-call? .viewer early (contract-call? .viewer id-of u2) false)
