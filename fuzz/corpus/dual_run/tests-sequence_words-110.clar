(some ("abc" "xyz"))
