(some ("bb" "xyzzy"))
