(contract-call? .user bump-then-fail .explicit)
