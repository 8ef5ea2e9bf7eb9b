("b" "c" "dddddddd")
