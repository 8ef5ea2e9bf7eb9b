(list u1)
