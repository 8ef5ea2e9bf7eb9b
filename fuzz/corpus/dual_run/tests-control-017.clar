(if true 1 (/ 1 0))
