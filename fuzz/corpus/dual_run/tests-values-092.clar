(is-eq 1 1 2 1)
