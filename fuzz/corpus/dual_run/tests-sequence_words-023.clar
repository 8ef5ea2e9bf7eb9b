(index-of? "hello" "z")
