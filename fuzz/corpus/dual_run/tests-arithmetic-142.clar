(to-int u0)
