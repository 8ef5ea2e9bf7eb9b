(list 3 (list 1 bool))
