(index-of? (list (ok 1) (err u1)) (err u1))
