(append (unwrap-panic (as-max-len? (list "a") u5)) "bcd")
