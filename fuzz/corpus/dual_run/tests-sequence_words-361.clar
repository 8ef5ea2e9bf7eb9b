(index-of (list (some 1) none) none)
