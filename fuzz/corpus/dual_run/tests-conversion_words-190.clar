(some ())
