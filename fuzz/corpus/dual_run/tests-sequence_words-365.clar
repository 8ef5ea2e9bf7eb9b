(index-of? (list 1) 1)
