(some "ell")
