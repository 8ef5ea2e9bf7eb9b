(append (list (list 1)) (list 2 3))
