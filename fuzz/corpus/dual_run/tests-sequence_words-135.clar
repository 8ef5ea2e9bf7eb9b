(some ("x"))
