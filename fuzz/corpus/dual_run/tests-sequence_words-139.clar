(some "last-one")
