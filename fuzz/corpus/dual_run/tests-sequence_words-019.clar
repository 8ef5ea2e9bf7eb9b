(element-at? (list "a" "bcd" "") u2)
