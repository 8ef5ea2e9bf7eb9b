(index-of? (append (list "a") "bcd") "bcd")
