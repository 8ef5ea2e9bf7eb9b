(is-eq (ok none) (ok (some 1)))
