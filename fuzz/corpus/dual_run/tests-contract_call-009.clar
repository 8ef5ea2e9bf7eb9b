(tuple (count u2) (first (some 1)) (r (ok "hi")))
