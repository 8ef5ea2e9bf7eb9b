(map not (list true false))
