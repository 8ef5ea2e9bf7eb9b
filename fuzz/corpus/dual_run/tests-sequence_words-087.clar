("a" "bb" "ccc" "dddd")
