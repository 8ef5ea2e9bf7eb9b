((tuple (a "x")) (tuple (a "yyyy")))
