(to-int (to-uint 42))
