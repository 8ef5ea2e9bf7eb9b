(if true (list) (list 1 2))
