((some 1) none)
