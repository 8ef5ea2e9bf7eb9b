(map + (unwrap-panic (as-max-len? (list 1 2) u8)) (append (list 10) 20))
