(some "x")
