(element-at? (list (ok 1) (err u2)) u1)
