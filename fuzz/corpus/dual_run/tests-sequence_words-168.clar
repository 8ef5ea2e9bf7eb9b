(as-max-len? "abc" u5)
