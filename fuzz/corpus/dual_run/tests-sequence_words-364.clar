(element-at? (list 1) u0)
