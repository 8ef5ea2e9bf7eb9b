(contract-call? .bns name-preorder (hash160 (concat (concat (concat {name} 0x2e) {ns}) {salt})) u100000000)
