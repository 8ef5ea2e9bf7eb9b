(some ((tuple (a 9)) (tuple (a 2))))
