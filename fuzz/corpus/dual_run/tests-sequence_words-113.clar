(replace-at? (append (list "a") "bcd") u0 "xyz")
