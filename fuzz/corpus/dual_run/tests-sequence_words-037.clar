(index-of? (list "a" "bcd" "") "bc")
