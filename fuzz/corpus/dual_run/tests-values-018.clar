(list)
