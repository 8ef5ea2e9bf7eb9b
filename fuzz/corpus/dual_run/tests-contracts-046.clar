(some false)
