(index-of? (list (list 1 2) (list 3)) (list 3))
