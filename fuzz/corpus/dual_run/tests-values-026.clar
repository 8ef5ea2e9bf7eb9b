(list none (some u1))
