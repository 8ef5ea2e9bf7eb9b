(index-of? "hello" "")
