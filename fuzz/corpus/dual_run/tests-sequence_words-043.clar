(slice? "hello" u0 u5)
