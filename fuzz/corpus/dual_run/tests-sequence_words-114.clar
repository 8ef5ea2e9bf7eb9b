(some ("xyz" "bcd"))
