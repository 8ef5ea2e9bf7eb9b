(contract-call? .user bump-via .explicit u4)
