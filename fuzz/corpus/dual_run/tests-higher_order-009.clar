(false true)
