(is-eq 1 1 1 1)
