(if true none (some u1))
