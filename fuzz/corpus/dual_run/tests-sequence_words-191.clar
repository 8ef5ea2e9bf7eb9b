(element-at? (list true false) u1)
