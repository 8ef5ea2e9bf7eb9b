(some "b")
