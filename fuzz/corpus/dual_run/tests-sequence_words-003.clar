(element-at? "abc" u3)
