(index-of? (list (unwrap-panic (as-max-len? (list 1) u5)) (list 2)) (list 1))
