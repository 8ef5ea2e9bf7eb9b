("a" "bb" "ccc")
