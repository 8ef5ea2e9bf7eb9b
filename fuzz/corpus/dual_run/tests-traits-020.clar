(contract-call? .user maybe-bump (some .explicit))
