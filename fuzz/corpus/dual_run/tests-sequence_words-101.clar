(some "zbc")
