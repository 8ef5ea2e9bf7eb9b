(index-of? "hello" "o")
