(contract-call? .user name-of .implicit)
