(some ("g" "hi"))
