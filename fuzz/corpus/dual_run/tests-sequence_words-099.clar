(as-max-len? "a" u1048576)
