(is-eq (ok 1) (ok 1))
