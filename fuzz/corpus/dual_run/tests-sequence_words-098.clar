(as-max-len? (list "a" "bcd") u2)
