(fold + (list 1 2 3) 10)
