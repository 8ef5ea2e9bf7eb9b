(append (list "a") "bcdef")
