("a" "b" "cccc")
