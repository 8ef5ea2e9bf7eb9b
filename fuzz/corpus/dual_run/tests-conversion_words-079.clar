(list "a" "bcd")
