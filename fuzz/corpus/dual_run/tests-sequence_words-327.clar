(some (none none))
