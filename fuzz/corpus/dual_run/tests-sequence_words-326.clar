(replace-at? (list (some 1) none) u0 none)
