(some ((tuple (a 1)) (tuple (a 9))))
