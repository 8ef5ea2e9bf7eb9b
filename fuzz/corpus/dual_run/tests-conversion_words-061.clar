(to-consensus-buff? "ab")
