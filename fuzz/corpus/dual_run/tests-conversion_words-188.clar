(list 2 int)
