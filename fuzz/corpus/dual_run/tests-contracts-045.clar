(some true)
