(append (list) 1)
