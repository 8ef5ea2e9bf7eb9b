(some ("a" "z"))
