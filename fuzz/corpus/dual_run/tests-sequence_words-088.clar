(len (append (append (list "a") "bb") "ccc"))
