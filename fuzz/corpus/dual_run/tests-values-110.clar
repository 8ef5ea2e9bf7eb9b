(is-eq (some 1) none)
