(list 3 int)
