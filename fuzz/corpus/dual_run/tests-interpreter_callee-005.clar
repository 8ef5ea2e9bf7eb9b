(contract-call? .user direct u3)
