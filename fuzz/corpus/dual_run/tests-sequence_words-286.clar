(append (list none) (some 1))
