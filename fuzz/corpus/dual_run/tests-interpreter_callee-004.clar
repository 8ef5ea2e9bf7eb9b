(contract-call? .user via-trait .legacy u2)
