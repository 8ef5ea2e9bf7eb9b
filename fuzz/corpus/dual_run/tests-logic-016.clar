(and true)
