(slice? "hello" u4 u2)
