(as-max-len? (list) u5)
