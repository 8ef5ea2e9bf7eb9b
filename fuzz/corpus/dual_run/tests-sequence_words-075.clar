(append (list "abcdef") "g")
