(match ({f} {x}) v v e (to-int e))
