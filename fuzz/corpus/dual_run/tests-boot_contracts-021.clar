(contract-call? .bns name-resolve {ns} {name})
