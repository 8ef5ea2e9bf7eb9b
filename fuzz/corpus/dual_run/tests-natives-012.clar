(append (list (some 1)) none)
