(as-max-len? (list 1) u4294967296)
