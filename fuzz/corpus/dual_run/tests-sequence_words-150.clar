(some ("a" "b" "tail"))
