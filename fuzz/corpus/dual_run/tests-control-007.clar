(begin 1 2 3)
