(is-eq 1)
