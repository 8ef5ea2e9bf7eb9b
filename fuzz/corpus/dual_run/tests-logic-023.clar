(or false)
