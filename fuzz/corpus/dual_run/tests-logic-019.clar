(and true true false true)
