(is-err (err u1))
