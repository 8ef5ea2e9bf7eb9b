(concat (unwrap-panic (slice? (list "aaaa" "b") u1 u2)) (list "ccc"))
