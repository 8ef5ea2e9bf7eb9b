(append (list (list)) (list 2 3))
