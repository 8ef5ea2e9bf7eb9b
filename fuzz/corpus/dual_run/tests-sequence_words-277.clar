(concat (list u1) (list u2 u3))
