(fold sum-step (list 1 2 3 4) 0)
