(not true)
