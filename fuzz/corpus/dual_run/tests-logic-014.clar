(and true false)
