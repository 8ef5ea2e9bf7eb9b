(fold h2 (list 1 2) 0)
