(some ("bb" "ccc"))
