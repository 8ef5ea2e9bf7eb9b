(index-of? (list (list (list 1)) (list (list 2) (list))) (list (list 2) (list)))
