(contract-call? .user maybe-bump none)
