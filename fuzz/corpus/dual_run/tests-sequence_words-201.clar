(element-at? (list (list (list 1)) (list (list 2 3) (list))) u1)
