(is-eq (some (list)) (some (list 1)))
