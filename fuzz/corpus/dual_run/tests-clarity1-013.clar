(match (some 5) v (+ v 1) 0)
