(some ("c"))
