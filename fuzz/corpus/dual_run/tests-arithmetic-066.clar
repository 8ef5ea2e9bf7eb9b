(mod 7 3)
