(map add-pair (list 1 2 3) (list 10 20))
