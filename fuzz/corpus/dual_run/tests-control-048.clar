(unwrap-panic (if true (ok 1) (err u1)))
