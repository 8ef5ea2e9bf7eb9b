(if true none (some 1))
