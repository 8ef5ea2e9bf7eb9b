(to-consensus-buff? (list))
