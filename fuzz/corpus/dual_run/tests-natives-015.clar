(index-of? "hello" "l")
