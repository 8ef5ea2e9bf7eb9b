(contract-call? .viewer sponsor)
