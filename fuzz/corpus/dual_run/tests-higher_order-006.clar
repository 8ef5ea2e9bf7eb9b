(map + (list 1 2) (list 3 4) (list 5 6 7))
