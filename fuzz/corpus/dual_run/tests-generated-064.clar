(tuple (a {x}) (b {y}))
