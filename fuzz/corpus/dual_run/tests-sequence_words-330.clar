(replace-at? (list (list 1 2) (list)) u1 (list 3 4))
