(match (some 1) x (+ x 1) 0)
