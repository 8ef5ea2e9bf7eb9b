(list true false)
