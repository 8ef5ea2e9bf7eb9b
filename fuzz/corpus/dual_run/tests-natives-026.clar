(to-consensus-buff? (some u1))
