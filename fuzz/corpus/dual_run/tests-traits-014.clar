(contract-call? .user through-private .explicit)
