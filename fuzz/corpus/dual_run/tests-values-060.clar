(tuple (a "replaced"))
