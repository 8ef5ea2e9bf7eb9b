(to-consensus-buff? (append (unwrap-panic (as-max-len? (list "a") u9)) "bcd"))
