(tuple (n u4) (s 2))
