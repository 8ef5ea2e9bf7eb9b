(element-at? (unwrap-panic (as-max-len? (list 1 2) u5)) u1)
