(is-eq (err u1) (err u2))
