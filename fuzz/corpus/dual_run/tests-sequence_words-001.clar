(element-at? "abc" u1)
