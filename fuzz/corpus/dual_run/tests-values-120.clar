(is-eq (if true (ok u0) (err u0)) (if false (ok u0) (err u0)))
