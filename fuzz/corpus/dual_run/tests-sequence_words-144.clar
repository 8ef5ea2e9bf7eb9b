(some ("a" "longer-one"))
