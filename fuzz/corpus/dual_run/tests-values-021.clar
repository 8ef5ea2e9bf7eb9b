(true false)
