(as-max-len? (list 1 2 3) u2)
