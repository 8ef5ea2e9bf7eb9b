(to-consensus-buff? true)
