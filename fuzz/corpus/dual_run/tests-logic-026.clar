(or (and true false) (is-eq 1 2) (not true))
