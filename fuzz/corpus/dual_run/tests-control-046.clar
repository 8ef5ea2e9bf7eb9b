(unwrap-err! (if false (ok u1) (err u2)) u3)
