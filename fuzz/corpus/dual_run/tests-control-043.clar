(match (some 0) x (/ 1 x) 0)
