(is-eq 1 2)
