(is-eq (ok 1) (err 1))
