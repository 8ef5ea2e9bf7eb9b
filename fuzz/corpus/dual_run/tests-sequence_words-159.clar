(element-at "abc" u0)
