(concat (list "a") (list "bcd"))
