(append (list "a" "b") "")
