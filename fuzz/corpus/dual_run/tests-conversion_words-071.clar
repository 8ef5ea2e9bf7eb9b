(some "a")
