(and (or false true) (not false) (< 1 2))
