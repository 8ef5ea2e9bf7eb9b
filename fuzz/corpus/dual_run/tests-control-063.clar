(unwrap-err-panic (if true (ok 1) (err u2)))
