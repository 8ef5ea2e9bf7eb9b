(slice? (list (some 1) none (some 3)) u1 u2)
