(some ("a" "bcd" "efgh"))
