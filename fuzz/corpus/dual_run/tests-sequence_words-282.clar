(append (list u1) u2)
