(replace-at? (list (some 1) none) u1 (some 2))
