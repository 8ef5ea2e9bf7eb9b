(if false (list 1 2) (list))
