(to-consensus-buff? 1)
