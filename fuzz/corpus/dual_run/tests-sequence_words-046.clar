(slice? "hello" u4 u4)
