(element-at (list (list 1) (list)) u1)
