(if false 1 (/ 1 0))
