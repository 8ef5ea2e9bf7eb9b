(map-get? m {k})
