(unwrap! (if false (ok u1) (err u2)) "no")
