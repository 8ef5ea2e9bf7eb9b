(map-delete m {k})
