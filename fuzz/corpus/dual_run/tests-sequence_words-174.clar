(concat (list "a") (list "bcdef"))
