(list (list) (list) (list))
