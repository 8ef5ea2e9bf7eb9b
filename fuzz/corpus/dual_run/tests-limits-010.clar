(filter p (list 1 2))
