(to-consensus-buff? (list 1 2))
