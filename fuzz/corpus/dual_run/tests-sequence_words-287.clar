(none (some 1))
