(true false true false)
