(and true true true true)
