(< 1 (to-int (- u0 u1)))
