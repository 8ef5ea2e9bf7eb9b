(some (some (some false)))
