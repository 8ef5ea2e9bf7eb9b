(get a (unwrap-panic (element-at? (list {a: (list 1 2)}) u0)))
