(element-at? (list 1 2 3) u3)
