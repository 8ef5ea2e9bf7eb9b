(list (list (list 1 2)) (list (list) (list 3)))
