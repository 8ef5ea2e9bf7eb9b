(contract-call? .user bump-twice .explicit .implicit)
