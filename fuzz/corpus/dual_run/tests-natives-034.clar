(unwrap-panic (element-at? (list 1) u1))
