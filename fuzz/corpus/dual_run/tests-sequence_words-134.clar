(some ("bb" "a-long-name-here"))
