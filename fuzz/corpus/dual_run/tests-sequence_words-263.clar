(some ((tuple (a 2)) (tuple (a 3))))
