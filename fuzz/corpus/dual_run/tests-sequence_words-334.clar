(replace-at? (if true (list (list 1)) (list (list 1 2 3))) u0 (list 1 2))
