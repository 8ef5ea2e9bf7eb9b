(replace-at? (list (ok 1) (err u1)) u0 (err u2))
