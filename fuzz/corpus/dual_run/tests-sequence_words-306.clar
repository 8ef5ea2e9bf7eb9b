(as-max-len? (list 1) u1000)
