(concat "a" "bc")
