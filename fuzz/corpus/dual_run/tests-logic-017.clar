(and false)
