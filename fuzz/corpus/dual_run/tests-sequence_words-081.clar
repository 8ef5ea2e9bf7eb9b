((tuple (a "x")) (tuple (a "yyy")))
