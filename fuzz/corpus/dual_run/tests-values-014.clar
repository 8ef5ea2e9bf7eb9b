(tuple (x 1) (y (list 1 2)))
