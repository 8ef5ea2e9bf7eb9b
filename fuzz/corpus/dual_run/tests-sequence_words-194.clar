(element-at? (list (some 1) none) u1)
