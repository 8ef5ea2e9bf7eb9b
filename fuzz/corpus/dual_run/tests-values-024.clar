(list (some 1) none (some 3))
