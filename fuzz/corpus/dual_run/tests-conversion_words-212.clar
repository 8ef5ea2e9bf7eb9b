(list 10 int)
