(some "\"")
