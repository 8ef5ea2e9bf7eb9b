(print (append (unwrap-panic (as-max-len? (list "a") u4)) "bcd"))
