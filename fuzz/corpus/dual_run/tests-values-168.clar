(some (list))
