(index-of? (list (ok 1) (err u1)) (ok 2))
