(some ((some 1) (some 2)))
