(slice? (list 1 2 3 4) u4 u4)
