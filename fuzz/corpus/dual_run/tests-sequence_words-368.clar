(element-at (list 1 2) u1)
