(some ("b" "d"))
