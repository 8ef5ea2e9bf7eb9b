("a" "bb" "ccccccccccccccccccc")
