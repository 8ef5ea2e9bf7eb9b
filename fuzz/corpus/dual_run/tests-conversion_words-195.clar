(list 1 int)
