(concat (list) (list 1))
