(some ("xyzzy"))
