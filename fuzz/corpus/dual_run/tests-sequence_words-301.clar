(as-max-len? (list) u0)
