(to-consensus-buff? "")
