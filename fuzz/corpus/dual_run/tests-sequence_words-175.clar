(concat "ab" "c")
