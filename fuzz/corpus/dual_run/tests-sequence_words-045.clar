(slice? "hello" u5 u5)
