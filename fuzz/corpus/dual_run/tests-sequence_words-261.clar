(slice? (list 1 2 3 4) u0 u5)
