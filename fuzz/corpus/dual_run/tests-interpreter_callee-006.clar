(contract-call? .user then-fail .legacy)
