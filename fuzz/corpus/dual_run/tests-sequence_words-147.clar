(some ("b" "cccccccccc"))
