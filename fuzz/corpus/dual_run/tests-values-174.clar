(print (list))
