(element-at? (unwrap-panic (slice? (list 1 2) u1 u1)) u0)
