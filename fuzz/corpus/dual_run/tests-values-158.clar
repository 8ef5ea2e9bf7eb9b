(tuple (a none))
