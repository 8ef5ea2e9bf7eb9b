(slice? (list 1 2 3 4) u1 u3)
