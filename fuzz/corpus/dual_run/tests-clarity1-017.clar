(len (list (list 1) (list)))
