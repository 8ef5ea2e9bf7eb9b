(slice? (list (list 1 2) (list) (list 3)) u1 u3)
