((some 1) (some 3))
