(some "")
