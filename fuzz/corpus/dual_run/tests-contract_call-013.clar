(contract-call? .ledger get-total)
