(index-of? (list "a" "bcd" "") "")
