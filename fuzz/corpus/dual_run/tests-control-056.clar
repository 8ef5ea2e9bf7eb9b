(unwrap-err! (if true (ok u1) (err u2)) -3)
