(if true (ok (some 1)) (err u1))
