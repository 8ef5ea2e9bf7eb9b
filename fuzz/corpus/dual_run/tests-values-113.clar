(is-eq (some 1) (some 2))
