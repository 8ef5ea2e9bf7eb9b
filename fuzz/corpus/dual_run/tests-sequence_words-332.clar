(replace-at? (list (list 1 2) (list 3)) u0 (list))
