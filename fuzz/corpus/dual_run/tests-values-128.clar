(is-eq (list 1 2) (list 2 1))
