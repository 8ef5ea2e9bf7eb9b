(some (tuple (a none) (b (err -3))))
