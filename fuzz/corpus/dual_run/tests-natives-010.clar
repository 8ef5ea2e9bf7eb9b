(concat "ab" "cd")
