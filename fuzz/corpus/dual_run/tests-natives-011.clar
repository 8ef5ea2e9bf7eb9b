(concat (list 1 2) (list 3))
