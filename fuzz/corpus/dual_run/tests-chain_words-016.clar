(contract-call? .viewer supply)
