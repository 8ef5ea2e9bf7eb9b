(contract-call? .user which .implicit)
