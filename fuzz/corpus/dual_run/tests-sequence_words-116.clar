(some ("x" "b"))
