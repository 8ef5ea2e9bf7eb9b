(not false)
