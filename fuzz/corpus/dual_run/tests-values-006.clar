(if false (ok (some 1)) (err u1))
