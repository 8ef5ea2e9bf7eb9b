(to-consensus-buff? (ok 1))
