(and false (> (/ 1 0) 0))
