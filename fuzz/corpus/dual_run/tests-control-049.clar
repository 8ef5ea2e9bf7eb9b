(unwrap-err-panic (if false (ok 1) (err u1)))
