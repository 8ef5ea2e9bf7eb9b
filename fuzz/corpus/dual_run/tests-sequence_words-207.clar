(element-at (list 7 8) u1)
