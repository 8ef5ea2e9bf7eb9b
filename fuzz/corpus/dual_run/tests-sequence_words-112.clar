(some ("abc" ""))
