(some "bcd")
