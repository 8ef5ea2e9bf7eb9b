(slice? "hello" u1 u4)
