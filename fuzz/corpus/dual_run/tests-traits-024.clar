(contract-call? .user bump-via .missing u1)
