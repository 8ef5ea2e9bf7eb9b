(some ("a" "bcd"))
