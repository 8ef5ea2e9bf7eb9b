(append (list) (list))
