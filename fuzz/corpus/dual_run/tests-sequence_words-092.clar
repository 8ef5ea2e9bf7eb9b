(as-max-len? "abc" u2)
