(to-consensus-buff? none)
