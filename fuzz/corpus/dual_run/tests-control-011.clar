(if false 1 2)
