(unwrap-panic (if true (err u1) (ok 1)))
