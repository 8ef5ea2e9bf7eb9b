(index-of? (list 1 2 3 2) 2)
