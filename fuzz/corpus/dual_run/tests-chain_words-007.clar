(contract-call? .viewer nested (contract-call? .viewer id-of u3))
