(to-consensus-buff? {p})
