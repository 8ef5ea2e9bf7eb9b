(index-of? (list (list 1 2) (list)) (list))
