(is-err (if true (ok 1) (err u1)))
