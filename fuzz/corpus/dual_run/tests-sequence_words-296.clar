(append (list (list 1 2)) (list))
