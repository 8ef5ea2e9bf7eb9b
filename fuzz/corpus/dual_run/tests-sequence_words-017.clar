(element-at? (list "a" "bcd" "") u1)
