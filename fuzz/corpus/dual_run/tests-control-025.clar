(is-ok (ok 1))
