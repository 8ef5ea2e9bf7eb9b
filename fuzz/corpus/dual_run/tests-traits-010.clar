(contract-call? .user bump-via .explicit u0)
