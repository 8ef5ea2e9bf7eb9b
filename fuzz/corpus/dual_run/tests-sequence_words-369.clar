(index-of (list 1 2) 2)
