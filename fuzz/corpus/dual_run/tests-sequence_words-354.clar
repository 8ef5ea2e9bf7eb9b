(element-at (list {a: 1} {a: 2}) u1)
