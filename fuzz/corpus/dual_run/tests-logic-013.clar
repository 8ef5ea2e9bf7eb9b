(and true true)
