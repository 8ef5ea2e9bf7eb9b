(is-eq 1 1)
