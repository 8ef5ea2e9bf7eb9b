(append (list (err u1)) (ok 1))
