(some "bb")
