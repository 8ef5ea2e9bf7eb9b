(some ("a" "b" "c"))
