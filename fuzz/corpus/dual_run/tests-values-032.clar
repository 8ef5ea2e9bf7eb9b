(list "a" "bcd" "")
