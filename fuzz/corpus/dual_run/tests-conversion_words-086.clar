(some ("a"))
