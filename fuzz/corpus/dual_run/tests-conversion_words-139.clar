(to-consensus-buff? u1)
