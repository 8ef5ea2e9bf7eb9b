(and false true)
