("b" "ccc")
