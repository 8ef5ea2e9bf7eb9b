(contract-call? .control nested-unwrap (some 2) (ok 3))
