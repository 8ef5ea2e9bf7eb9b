(tuple (i none) (u none))
