(is-eq (list (list 1) (list)) (list (list 1) (list)))
