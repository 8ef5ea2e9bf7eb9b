(concat (list "a") (list "bcd" "ef"))
