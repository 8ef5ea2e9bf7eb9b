(index-of (list "a" "bcd") "bcd")
