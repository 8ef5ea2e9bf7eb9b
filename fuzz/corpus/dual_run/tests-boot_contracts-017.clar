(contract-call? .bns namespace-ready {ns})
