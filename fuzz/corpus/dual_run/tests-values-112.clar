(is-eq (some 1) (some 1))
