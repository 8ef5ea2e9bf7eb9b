(contract-call? .bns namespace-preorder (hash160 (concat {ns} {salt})) u640000000000)
