(list (ok 1) (err u1))
