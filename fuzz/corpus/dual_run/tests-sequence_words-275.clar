(concat (list 1) (list))
