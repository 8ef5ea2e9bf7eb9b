(element-at? (append (list (list "a")) (list "bc" "d")) u1)
