(list "a" "bb")
