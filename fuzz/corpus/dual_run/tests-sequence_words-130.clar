("a" "bcd")
