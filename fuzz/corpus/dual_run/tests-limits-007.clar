(map g (list 1 2))
