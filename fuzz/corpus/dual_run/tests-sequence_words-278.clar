(u1 u2 u3)
