(append (list "a") "bcd")
