(if true (list 1 2) (list))
