(append (append (append (list "a") "bb") "ccc") "dddd")
