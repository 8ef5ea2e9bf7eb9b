(unwrap! (if true (ok u1) (err u2)) u3)
