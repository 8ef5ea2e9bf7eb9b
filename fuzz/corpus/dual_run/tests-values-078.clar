(list (list 1) (list))
