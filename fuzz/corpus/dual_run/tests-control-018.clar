(if false (/ 1 0) 2)
