(element-at? "a\"b" u1)
