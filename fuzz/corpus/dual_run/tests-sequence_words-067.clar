(concat (list "abcdef") (list "g"))
