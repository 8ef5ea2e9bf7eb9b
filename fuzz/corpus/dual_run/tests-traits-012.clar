(contract-call? .user bump-via .implicit u1)
