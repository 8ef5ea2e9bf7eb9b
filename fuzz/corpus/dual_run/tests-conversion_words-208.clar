(some (err true))
