(tuple (n none) (outer (tuple (inner (tuple (deep true))))))
