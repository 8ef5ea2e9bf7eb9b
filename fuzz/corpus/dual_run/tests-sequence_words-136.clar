(some (tuple (id u2) (tag "yy")))
