(mod 1 0)
