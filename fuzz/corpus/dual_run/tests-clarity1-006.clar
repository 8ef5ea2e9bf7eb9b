(to-uint 5)
