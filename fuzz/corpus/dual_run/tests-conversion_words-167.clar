(to-consensus-buff? (err u1))
