(as-max-len? "abc" u3)
