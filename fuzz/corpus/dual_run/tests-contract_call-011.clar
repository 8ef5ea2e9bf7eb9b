(contract-call? .ledger record u4 u"tx")
