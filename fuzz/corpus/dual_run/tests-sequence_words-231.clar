(index-of? (list u1 u2) u2)
