(index-of "hello" "l")
