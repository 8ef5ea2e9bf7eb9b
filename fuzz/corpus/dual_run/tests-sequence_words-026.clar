(index-of "abc" "c")
