(or true (is-eq (- u0 u1) u0))
