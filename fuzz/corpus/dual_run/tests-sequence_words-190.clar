(element-at? (list u1) u0)
