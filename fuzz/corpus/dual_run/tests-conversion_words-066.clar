(to-consensus-buff? (list "a" "bc"))
