(to-uint 0)
