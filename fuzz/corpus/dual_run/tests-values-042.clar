(len (list))
