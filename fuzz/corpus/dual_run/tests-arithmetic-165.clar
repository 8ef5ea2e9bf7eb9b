(/ 1 0 (to-int (- u0 u1)))
