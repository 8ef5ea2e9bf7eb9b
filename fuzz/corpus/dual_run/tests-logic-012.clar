(not (not true))
