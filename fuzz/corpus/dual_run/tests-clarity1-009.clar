(and true (or false true) (not false))
