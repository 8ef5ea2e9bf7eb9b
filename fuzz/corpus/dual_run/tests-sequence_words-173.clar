(some "bc")
