(or false true)
