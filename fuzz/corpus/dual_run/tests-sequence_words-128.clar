(to-consensus-buff? (append (list "a") "bc"))
