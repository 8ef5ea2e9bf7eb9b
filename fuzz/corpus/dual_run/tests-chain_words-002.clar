(contract-call? .viewer bump)
