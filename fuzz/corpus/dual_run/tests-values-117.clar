(is-eq (ok 1) (err u1))
