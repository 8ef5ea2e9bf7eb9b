(some ("a" "xyzzy"))
