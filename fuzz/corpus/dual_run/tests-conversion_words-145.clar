(to-consensus-buff? false)
