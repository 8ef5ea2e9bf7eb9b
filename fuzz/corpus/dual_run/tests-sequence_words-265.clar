(some (none))
