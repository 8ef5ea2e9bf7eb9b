(unwrap-panic (element-at? (list 5 6) u1))
