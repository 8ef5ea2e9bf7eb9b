(some "ccccc")
