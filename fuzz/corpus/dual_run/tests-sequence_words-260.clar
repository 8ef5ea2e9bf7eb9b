(slice? (list 1 2 3 4) u3 u2)
